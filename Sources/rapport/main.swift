import RapportCLI
import RapportLanguage

ProcessMemory.returnLargeBlocksWhenFreed()
RapportCommand.main()
