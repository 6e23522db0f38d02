import RapportCLI

RapportCommand.mainWithSafeMessages()
