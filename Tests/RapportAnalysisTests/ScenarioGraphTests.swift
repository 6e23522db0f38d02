import RapportAnalysis
import RapportEngine
import RapportLanguage
import RapportTestSupport
import Testing

/// The picture of the branches (`rapport graph`): what the graph holds, and that each writer keeps a
/// scenario's text inside its labels, whatever characters it has.
@Suite struct ScenarioGraphTests {
    /// Text a writer could type, and text meant to break out of a label in each format.
    let text = #"""
        title: Quotes "and" <b>tags</b> & \N back\slashes
        customer: Dana
        state: patience = 2 (0..5)
        summary: A summary with <script>alert(1)</script> in it.
        == start
        moment: The "first" words
        * Say "hi" \l and <i>wave</i> | ; # `tick` -->
          score: respect +1
          promise call: call back
          coach: c
          -> next
        * [if patience > 3] Hidden.
          score: respect -2
          coach: d
          -> gone
        silence 10s: Dana: Hello?
          score: empathy -1
          -> gone
        == next
        [if patience >= 2] -> kept
        [else] -> gone
        == kept
        keep: call
        end good: She says "thanks" \o/
        == gone
        end poor: Gone <for good>.
        """#

    func graph() throws -> ScenarioGraph { ScenarioGraph(Analysis(try checked(text))) }

    @Test func boxesAndArrows() throws {
        let graph = try graph()
        #expect(graph.boxes.map(\.title) == ["start", "next", "kept", "good ending", "gone", "poor ending"])
        #expect(graph.boxes[0].lines == [#"moment: The "first" words"#])
        #expect(graph.boxes[2].lines == ["keep call"])
        let kinds = graph.arrows.map(\.kind)
        #expect(kinds == [.choice, .choice, .silence, .jump, .jump, .ending, .ending])
        #expect(graph.arrows[1].lines.contains("[if patience > 3]"))
        #expect(graph.arrows[0].lines.suffix(2) == ["respect +1", "promise call"])
        #expect(graph.arrows[4].lines == ["[else]"])
    }

    @Test func theBestPathIsMarked() throws {
        let graph = try graph()
        #expect(graph.boxes.filter(\.onBestPath).map(\.key) == ["n0", "n1", "n2", "n2e0"])
        #expect(graph.arrows.filter(\.onBestPath).map { "\($0.from)->\($0.to)" } == ["n0->n1", "n1->n2", "n2->n2e0"])
        #expect(graph.boxes.allSatisfy { $0.reached })
    }

    @Test func dotKeepsTextInsideItsLabels() throws {
        let dot = GraphDOT.write(try graph())
        #expect(dot.contains(#"label="Quotes \"and\" <b>tags</b> & \\N back\\slashes\n"#))
        #expect(dot.contains(#"Say \"hi\" \\l and <i>wave</i> |"#))
        // Every quotation mark in the file is either a delimiter or escaped: the labels balance.
        for line in dot.split(separator: "\n") {
            var unescaped = 0
            var previous: Character = " "
            var backslashes = 0
            for character in line {
                if character == "\"" && backslashes % 2 == 0 { unescaped += 1 }
                backslashes = character == "\\" ? backslashes + 1 : 0
                previous = character
            }
            _ = previous
            #expect(unescaped % 2 == 0, "unbalanced quotes in: \(line)")
        }
    }

    @Test func mermaidWritesEntitiesForWhatCouldBreakOut() throws {
        let mermaid = GraphMermaid.write(try graph())
        #expect(mermaid.contains("flowchart TD"))
        #expect(!mermaid.contains("<i>") && !mermaid.contains("<b>") && !mermaid.contains("\"hi"))
        #expect(mermaid.contains("Say #quot;hi#quot; \\l and #lt;i#gt;wave#lt;/i#gt; #124; #59;<br/>#35; #96;tick#96; --#gt;"))
        #expect(mermaid.contains("class n2e0 good"))
        #expect(mermaid.contains("linkStyle 0,3,5 stroke:#1565c0"))
    }

    @Test func thePageEscapesTheScenariosText() throws {
        let scenario = try checked(text)
        let page = GraphPage.write(
            svg: "<?xml version=\"1.0\"?>\n<!DOCTYPE svg>\n<svg><text>drawn</text></svg>", title: scenario.title,
            summary: scenario.summary, sourceName: scenario.sourceName)
        #expect(page.hasPrefix("<!DOCTYPE html>"))
        #expect(page.contains("<h1>Quotes &quot;and&quot; &lt;b&gt;tags&lt;/b&gt; &amp; \\N back\\slashes</h1>"))
        #expect(page.contains("A summary with &lt;script&gt;alert(1)&lt;/script&gt; in it."))
        #expect(!page.contains("<script>"))
        #expect(!page.contains("<?xml"), "the SVG's prologue cannot stand inside a page")
        #expect(page.contains("<svg><text>drawn</text></svg>"))
    }

    @Test func conditionsAreWrittenAsATrainerWould() throws {
        let scenario = try checked("title: T\ncustomer: C\nstate: p = 1 (0..3), e = false\n== start\n* [if (p > 1 or e) and not visited start] A.\n  coach: c\n  set: e = true\n  -> start\n* [if e == true or kept x] B.\n  promise x: y\n  coach: d\n  -> end\n== end\nkeep: x\nend good: ok\n")
        let conditions = scenario.nodes[0].choices.compactMap { $0.condition?.written(in: scenario) }
        #expect(conditions == ["(p > 1 or e) and not visited start", "e == true or kept x"])
        #expect(scenario.nodes[0].choices[0].effects.map { $0.written(in: scenario) } == ["e = true"])
    }
}
