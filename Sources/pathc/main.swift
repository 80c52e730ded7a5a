import Foundation

// The command line is a thin layer over PathcCore: see CLI.swift.
exit(CLI.run(Array(CommandLine.arguments.dropFirst())))
