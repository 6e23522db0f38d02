/// A score, or a change in one, as a signed figure: "+3", "-2", "0". The one formatter for every
/// report (the checker's messages, the screens, `rapport analyze`, the handout); here, in the
/// lowest target they all share. Plain mode's words ("plus 3") are the terminal's `Style.signed`, built on this.
extension Int {
    public var signedFigure: String { self > 0 ? "+\(self)" : "\(self)" }
}
