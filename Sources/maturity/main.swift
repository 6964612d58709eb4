import Foundation
import MaturityCLI

exit(MaturityMain.run(Array(CommandLine.arguments.dropFirst())))
