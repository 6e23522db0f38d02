import RapportCLI

RapportCommand.exitOnTerminationSignals()
RapportCommand.mainWithSafeMessages()
