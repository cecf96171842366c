package dev.deskphone.cli;

/** How the demo shows itself: headings, numbered steps with their code, and what came of them. */
final class DemoSteps {
  private final Terminal t;
  private int step;

  DemoSteps(Terminal t) {
    this.t = t;
  }

  Terminal terminal() {
    return t;
  }

  void heading(String text) {
    t.out().println();
    t.out().println(t.paint("== " + text, Terminal.Colour.BOLD));
  }

  void say(String what, String code) {
    step++;
    t.out().println();
    t.out().println(step + ". " + what);
    t.out().println("   " + t.paint(code, Terminal.Colour.DIM));
  }

  void show(String text) {
    t.out().println("   -> " + text);
    t.out().flush();
  }
}
