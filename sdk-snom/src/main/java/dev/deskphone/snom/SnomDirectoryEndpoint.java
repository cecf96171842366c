package dev.deskphone.snom;

import dev.deskphone.core.PhoneHeaders;
import dev.deskphone.core.internal.Checks;
import dev.deskphone.core.internal.PercentEncoding;
import dev.deskphone.core.server.EndpointRequest;
import dev.deskphone.core.server.EndpointResponse;
import dev.deskphone.core.server.PhoneEndpoint;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.function.Supplier;

/**
 * A phonebook on the phone's screen, from any list: an endpoint to point a function key, a menu
 * item or an action URL at. The phone asks for {@code GET <url>}: up to a page of entries comes
 * back as a {@link MinibrowserDirectory} (selecting one dials it); more than a page comes back as a
 * {@link MinibrowserMenu} of pages ("Anna - Emil", "Frank - ..."), each a URL with {@code ?page=N}
 * that the phone asks for when the user selects it. {@code ?q=TEXT} keeps the entries whose name
 * contains the text (any case) or whose number starts with it, as from an {@link MinibrowserInput}
 * whose URL carries {@code q=} and its token. Pages are the phone's way of scrolling a long list:
 * snom documents no paging of their own for directories, and a list of over {@value
 * MinibrowserDocument#MAX_ENTRIES} lines is more than the phone's speed select takes.
 *
 * <pre>{@code
 * SnomDirectoryEndpoint phonebook = SnomDirectoryEndpoint.builder()
 *     .publicUri(URI.create("http://pbx.example:8080/phonebook")) // where phones reach it
 *     .title("Phonebook")
 *     .entries(() -> contacts.stream().map(c -> new MinibrowserDirectory.Entry(c.name(), c.phone())).toList())
 *     .build();
 * server = EndpointServer.builder().endpoint("/phonebook", phonebook)...;
 * }</pre>
 *
 * <p>Thread-safe: the list is asked for on each request, on the request's thread.
 */
public final class SnomDirectoryEndpoint implements PhoneEndpoint {
  /** The default number of entries per page: {@value}. */
  public static final int DEFAULT_PAGE_SIZE = 20;

  private static final int MAX_QUERY_LENGTH = 64;

  private final URI publicUri;
  private final String title;
  private final Supplier<? extends Collection<MinibrowserDirectory.Entry>> entries;
  private final int pageSize;

  private SnomDirectoryEndpoint(Builder b) {
    this.publicUri = b.publicUri;
    this.title = b.title;
    this.entries = b.entries;
    this.pageSize = b.pageSize;
  }

  /**
   * A builder; {@link Builder#publicUri} and {@link Builder#entries} are required.
   *
   * @return a new builder
   */
  public static Builder builder() {
    return new Builder();
  }

  @Override
  public EndpointResponse handle(EndpointRequest request) {
    if (!request.method().equals("GET") && !request.method().equals("HEAD")) {
      return EndpointResponse.of(
          405,
          PhoneHeaders.of("Allow", "GET, HEAD", "Content-Type", "text/plain; charset=utf-8"),
          "a phonebook is read with GET\n".getBytes(StandardCharsets.UTF_8));
    }
    Map<String, String> query;
    try {
      query = EventQuery.parse(request.rawQuery().orElse("")); // as the phone sends it: + stays
    } catch (IllegalArgumentException e) {
      return EndpointResponse.text(400, "not a phonebook query: " + e.getMessage());
    }
    String page = query.get("page");
    String q = query.getOrDefault("q", "").strip();
    if (q.length() > MAX_QUERY_LENGTH) {
      return EndpointResponse.text(400, "q is longer than " + MAX_QUERY_LENGTH + " characters");
    }
    List<MinibrowserDirectory.Entry> found = matching(q);
    int pages = Math.max(1, (found.size() + pageSize - 1) / pageSize);
    if (page == null) {
      return (pages == 1 ? directory(found, title) : index(found, pages, q)).toResponse();
    }
    int n;
    try {
      n = Integer.parseInt(page);
    } catch (NumberFormatException e) {
      n = 0;
    }
    if (n < 1 || n > pages) {
      return EndpointResponse.text(
          404, "no page " + Checks.quote(page) + " of the phonebook: it has 1 to " + pages);
    }
    List<MinibrowserDirectory.Entry> slice =
        found.subList((n - 1) * pageSize, Math.min(found.size(), n * pageSize));
    return directory(slice, pages == 1 ? title : title + " " + n + "/" + pages).toResponse();
  }

  private List<MinibrowserDirectory.Entry> matching(String q) {
    Collection<MinibrowserDirectory.Entry> all =
        Objects.requireNonNull(entries.get(), "the phonebook's entries");
    if (q.isEmpty()) {
      return List.copyOf(all);
    }
    String lower = q.toLowerCase(Locale.ROOT);
    List<MinibrowserDirectory.Entry> found = new ArrayList<>();
    for (MinibrowserDirectory.Entry e : all) {
      if (e.name().toLowerCase(Locale.ROOT).contains(lower) || e.telephone().startsWith(q)) {
        found.add(e);
      }
    }
    return found;
  }

  private static MinibrowserDocument directory(
      List<MinibrowserDirectory.Entry> entries, String title) {
    MinibrowserDirectory.Builder d = MinibrowserDirectory.builder().title(title);
    entries.forEach(e -> d.entry(e.name(), e.telephone()));
    return d.build();
  }

  private MinibrowserDocument index(List<MinibrowserDirectory.Entry> found, int pages, String q) {
    MinibrowserMenu.Builder menu = MinibrowserMenu.builder().title(title);
    for (int n = 1; n <= pages; n++) {
      MinibrowserDirectory.Entry first = found.get((n - 1) * pageSize);
      MinibrowserDirectory.Entry last = found.get(Math.min(found.size(), n * pageSize) - 1);
      String query = "page=" + n + (q.isEmpty() ? "" : "&q=" + PercentEncoding.encode(q));
      menu.item(
          shorten(first.name()) + " - " + shorten(last.name()),
          URI.create(publicUri + (publicUri.getRawQuery() == null ? "?" : "&") + query));
    }
    return menu.build();
  }

  private static String shorten(String name) {
    return name.length() <= 20 ? name : name.substring(0, 19) + "…";
  }

  @Override
  public String toString() {
    return "SnomDirectoryEndpoint[" + publicUri + ", " + pageSize + " per page]";
  }

  /** Configures a {@link SnomDirectoryEndpoint}. Not thread-safe. */
  public static final class Builder {
    private URI publicUri;
    private String title = "Phonebook";
    private Supplier<? extends Collection<MinibrowserDirectory.Entry>> entries;
    private int pageSize = DEFAULT_PAGE_SIZE;

    private Builder() {}

    /**
     * Where phones reach this endpoint, for the page URLs: an absolute {@code http} or {@code
     * https} URL with a host, without user-info or fragment (a query is kept).
     *
     * @param publicUri where phones reach this endpoint
     * @return this builder
     * @throws IllegalArgumentException for any other URL
     */
    public Builder publicUri(URI publicUri) {
      this.publicUri = MinibrowserChecks.url("publicUri", publicUri);
      if (!this.publicUri.getScheme().toLowerCase(Locale.ROOT).startsWith("http")
          || this.publicUri.getRawFragment() != null) {
        throw new IllegalArgumentException(
            "publicUri must be an http or https URL without a fragment, was "
                + Checks.quote(publicUri.toString()));
      }
      return this;
    }

    /**
     * The title on the screen (default {@code Phonebook}).
     *
     * @param title the title
     * @return this builder
     * @throws IllegalArgumentException if the documents would refuse it
     */
    public Builder title(String title) {
      MinibrowserText.builder().title(title); // the documents' own check
      this.title = title;
      return this;
    }

    /**
     * The entries, asked for on each request (any order; shown as given).
     *
     * @param entries the entries' supplier
     * @return this builder
     */
    public Builder entries(Supplier<? extends Collection<MinibrowserDirectory.Entry>> entries) {
      this.entries = Objects.requireNonNull(entries, "entries");
      return this;
    }

    /**
     * Entries per page, 1 to {@value MinibrowserDocument#MAX_ENTRIES} (default {@value
     * #DEFAULT_PAGE_SIZE}).
     *
     * @param pageSize entries per page
     * @return this builder
     * @throws IllegalArgumentException outside that range
     */
    public Builder pageSize(int pageSize) {
      if (pageSize < 1 || pageSize > MinibrowserDocument.MAX_ENTRIES) {
        throw new IllegalArgumentException(
            "pageSize must be 1 to " + MinibrowserDocument.MAX_ENTRIES + ", was " + pageSize);
      }
      this.pageSize = pageSize;
      return this;
    }

    /**
     * The endpoint.
     *
     * @return the endpoint
     * @throws IllegalStateException if the public URI or the entries are missing
     */
    public SnomDirectoryEndpoint build() {
      if (publicUri == null || entries == null) {
        throw new IllegalStateException(
            "a phonebook needs publicUri(...) and entries(...): "
                + (publicUri == null ? "publicUri is missing" : "entries are missing"));
      }
      return new SnomDirectoryEndpoint(this);
    }
  }
}
