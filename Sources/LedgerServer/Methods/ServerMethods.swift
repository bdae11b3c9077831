/// Every method the daemon serves.
enum ServerMethods {
    static let all: [MethodSpec] = SystemMethods.all + DomainMethods.all
}
