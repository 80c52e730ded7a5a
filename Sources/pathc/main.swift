import PathcCore
import Foundation
let file = try! SourceFile.read(path: CommandLine.arguments[1])
let tree = SyntaxTree.parse(file)
for d in tree.diagnostics { FileHandle.standardError.write(DiagnosticRenderer().render(d).data(using: .utf8)!) }
if let root = tree.root { print(JSONWriter().string(root.json)) }
if !tree.diagnostics.isEmpty { exit(1) }
