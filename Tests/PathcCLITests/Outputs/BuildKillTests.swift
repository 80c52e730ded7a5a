import Foundation
import XCTest

/// Nothing lost: `pathc build` killed with SIGKILL at random points, many times, always leaves
/// a whole site (the previous one, or the new one when the kill came after the swap), and the
/// next build clears what the killed one left behind.
final class BuildKillTests: XCTestCase {
    /// Every file under a folder, by path relative to it (the build's marker included).
    private func tree(_ folder: URL) throws -> [String: Data] {
        var found: [String: Data] = [:]
        let base = folder.resolvingSymlinksInPath().path
        guard let enumerator = FileManager.default.enumerator(at: folder, includingPropertiesForKeys: [.isRegularFileKey]) else { return [:] }
        for case let url as URL in enumerator where (try url.resourceValues(forKeys: [.isRegularFileKey])).isRegularFile == true {
            found[String(url.resolvingSymlinksInPath().path.dropFirst(base.count + 1))] = try Data(contentsOf: url)
        }
        return found
    }

    func testAKilledBuildAlwaysLeavesAWholeSite() throws {
        let root = try CLI.temporaryFolder(self)
        for item in ["pathways", "schemas", "pathc.yaml"] {
            try FileManager.default.copyItem(at: CLI.repository.appendingPathComponent(item), to: root.appendingPathComponent(item))
        }
        // A few hundred more OKRs, so that a build lasts long enough to be killed part-way.
        let okr = try String(contentsOf: root.appendingPathComponent("pathways/okrs/developmental/consultative-selling-2026-q3.okr.yaml"), encoding: .utf8)
        let copies = root.appendingPathComponent("pathways/okrs/copies")
        try FileManager.default.createDirectory(at: copies, withIntermediateDirectories: true)
        for index in 0..<400 {
            try okr.replacingOccurrences(of: "id: consultative-selling-2026-q3", with: "id: consultative-selling-copy-\(index)")
                .write(to: copies.appendingPathComponent("consultative-selling-copy-\(index).okr.yaml"), atomically: true, encoding: .utf8)
        }
        // Two versions of the content, and the site of each.
        let competency = root.appendingPathComponent("pathways/competencies/consultative-selling.competency.yaml")
        let versionA = try String(contentsOf: competency, encoding: .utf8)
        let versionB = versionA.replacingOccurrences(of: "name: Consultative selling", with: "name: Consultative selling (revised)")
        XCTAssertNotEqual(versionA, versionB)
        var sites: [[String: Data]] = []
        var duration = 0.0
        for (index, version) in [versionA, versionB].enumerated() {
            try version.write(to: competency, atomically: true, encoding: .utf8)
            let out = root.appendingPathComponent("reference-\(index)")
            let start = Date()
            XCTAssertEqual(try CLI.run(["build", "--quiet", "--root", root.path, "--out", out.path]).status, 0)
            duration = max(duration, Date().timeIntervalSince(start))
            sites.append(try tree(out))
        }
        XCTAssertNotEqual(sites[0], sites[1])
        XCTAssertGreaterThan(sites[0].count, 800)

        let site = root.appendingPathComponent("site")
        try versionA.write(to: competency, atomically: true, encoding: .utf8)
        XCTAssertEqual(try CLI.run(["build", "--quiet", "--root", root.path]).status, 0)
        var current = 0
        var killedBeforeSwap = 0, killedAfterSwap = 0
        var generator = SystemRandomNumberGenerator()
        for trial in 0..<30 {
            let next = 1 - current
            try (next == 0 ? versionA : versionB).write(to: competency, atomically: true, encoding: .utf8)
            let process = Process()
            process.executableURL = CLI.executable
            process.arguments = ["build", "--quiet", "--root", root.path]
            process.standardOutput = FileHandle.nullDevice
            process.standardError = FileHandle.nullDevice
            try process.run()
            // Anywhere from the start to a little after a whole build: before, during and after the swap.
            usleep(UInt32.random(in: 2_000...UInt32(duration * 1.3 * 1_000_000), using: &generator))
            kill(process.processIdentifier, SIGKILL)
            process.waitUntilExit()
            let now = try tree(site)
            if now == sites[current] {
                killedBeforeSwap += 1
            } else if now == sites[next] {
                killedAfterSwap += 1
                current = next
            } else {
                XCTFail("trial \(trial): the site is neither the previous nor the new one (\(now.count) files)")
                return
            }
        }
        XCTAssertGreaterThan(killedBeforeSwap, 0, "no kill landed during a build; the test proves nothing")
        print("killed builds: \(killedBeforeSwap) left the previous site, \(killedAfterSwap) had swapped in the new one")
        // The next build finishes and leaves nothing of the killed ones behind.
        XCTAssertEqual(try CLI.run(["build", "--quiet", "--root", root.path]).status, 0)
        let leftovers = try FileManager.default.contentsOfDirectory(atPath: root.path).filter { $0.contains("pathc-tmp") || $0.contains("pathc-old") }
        XCTAssertEqual(leftovers, [])
    }
}
