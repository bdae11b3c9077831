import Foundation
import LedgerWire
import Testing

/// `accrue import` against the real daemon: batches, bad rows reported by line while good
/// rows go in, and a re-run that adds nothing.
@Suite(.serialized)
struct CLIImportTests {
    @Test func goodRowsGoInBadRowsAreReportedAndARerunAddsNothing() throws {
        let daemon = try DaemonProcess()
        defer { daemon.stop(); daemon.removeFiles() }
        let cli = CLIRunner(daemon: daemon)
        let customers = daemon.directory + "/customers.csv"
        try """
        customer_id,name,email,currency,terms
        ACME,"Acme, GmbH",ap@acme.example,EUR,net:30
        GLOBEX,Globex Corp,,USD,
        BAD,,,EUR,
        INITECH,"Initech ""the"" company",,EUR,net:x

        """.write(toFile: customers, atomically: true, encoding: .utf8)
        let first = try cli.run(["import", "customers", customers, "--batch-size", "2"])
        #expect(first.status == 1)
        #expect(
            first.stdout.contains("customers: 4 rows, 2 imported, 0 already present, 2 refused"),
            "\(first.stdout)"
        )
        #expect(first.stderr.contains("line 4: missing_field: name is empty"))
        #expect(first.stderr.contains("line 5: invalid_value"))

        let invoices = daemon.directory + "/invoices.csv"
        try """
        invoice_id,customer_id,currency,amount,issue_date,due_date,terms
        INV-1,ACME,EUR,1190.00,2026-01-05,2026-02-04,
        INV-2,ACME,EUR,10.001,2026-01-05,2026-02-04,
        INV-3,NOBODY,EUR,10.00,2026-01-05,2026-02-04,
        INV-4,GLOBEX,USD,99.00,2026-01-11,,net:30

        """.write(toFile: invoices, atomically: true, encoding: .utf8)
        let issued = try cli.run(["import", "invoices", invoices])
        #expect(issued.status == 1)
        #expect(
            issued.stdout.contains("4 rows, 2 imported, 0 already present, 2 refused"),
            "\(issued.stdout)"
        )
        #expect(issued.stderr.contains("line 3: invalid_amount"))
        #expect(issued.stderr.contains("line 4: unknown_customer"))

        let payments = daemon.directory + "/payments.csv"
        try """
        payment_id,customer_id,currency,amount,date,allocations
        PAY-1,ACME,EUR,500.00,2026-02-10,INV-1=500.00
        PAY-2,GLOBEX,USD,20.00,2026-02-12,none

        """.write(toFile: payments, atomically: true, encoding: .utf8)
        #expect(try cli.run(["import", "payments", payments]).status == 0)

        let head = try cli.run(["head", "--json"]).json()["seq"]?.intValue
        let rerun = try cli.run(["import", "invoices", invoices])
        #expect(
            rerun.stdout.contains("4 rows, 0 imported, 2 already present, 2 refused"),
            "\(rerun.stdout)"
        )
        #expect(
            try cli.run(["import", "payments", payments]).stdout.contains(
                "0 imported, 2 already present"
            )
        )
        #expect(try cli.run(["head", "--json"]).json()["seq"]?.intValue == head)

        let balances = try cli.run(["report", "balances", "--as-of", "2026-12-31", "--json"]).json()
        let rows = try #require(balances["rows"]?.arrayValue)
        #expect(rows.map { $0["open"]?.stringValue } == ["690.00", "99.00"])
        #expect(rows.map { $0["unapplied"]?.stringValue } == ["0.00", "20.00"])
        let acme = try cli.run(["customer", "get", "ACME", "--json"]).json()
        #expect(acme["name"]?.stringValue == "Acme, GmbH")

        let unknownColumn = daemon.directory + "/wrong.csv"
        try "customer_id,nom\nX,Y\n".write(toFile: unknownColumn, atomically: true, encoding: .utf8)
        #expect(try cli.run(["import", "customers", unknownColumn]).status == 64)
    }
}
