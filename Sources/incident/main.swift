import Foundation
import IncidentKit

let context = CommandContext(
    console: StandardConsole(environment: ProcessInfo.processInfo.environment),
    environment: ProcessInfo.processInfo.environment,
    currentDirectory: FileManager.default.currentDirectoryPath)
exit(IncidentCLI(context: context).run(Array(CommandLine.arguments.dropFirst())))
