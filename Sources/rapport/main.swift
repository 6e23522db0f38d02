import RapportCLI

RapportCommand.exitOnTerminationSignals()
RapportCommand.main()
