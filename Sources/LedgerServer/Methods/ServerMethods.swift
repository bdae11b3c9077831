/// Every method the daemon serves.
enum ServerMethods {
    static let all: [MethodSpec] = SystemMethods.all + CustomerMethods.all
}
