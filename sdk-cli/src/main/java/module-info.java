/** The {@code deskphone} command line: SDK operations from a terminal, fake phones, a demo. */
module dev.deskphone.cli {
  requires dev.deskphone.snom;
  requires dev.deskphone.unify;
  requires dev.deskphone.testkit;
  requires info.picocli;
  requires jdk.httpserver;
  requires java.net.http;

  opens dev.deskphone.cli to
      info.picocli;
}
