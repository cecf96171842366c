package dev.deskphone.core.server;

import java.util.List;
import java.util.Locale;

/**
 * One request's line and header fields, as read by {@link RequestReader}.
 *
 * @param method the method token, such as {@code GET}
 * @param rawPath the target's path, still percent-encoded
 * @param rawQuery the target's query after {@code ?}, still percent-encoded; null for none
 * @param http11 true for HTTP/1.1, false for HTTP/1.0
 * @param fields header names and values in turn, names lower case, values trimmed
 */
record RequestHead(
    String method, String rawPath, String rawQuery, boolean http11, List<String> fields) {

  /**
   * The request target as it is passed on: the raw path, then {@code ?} and the raw query if any.
   */
  String target() {
    return rawQuery == null ? rawPath : rawPath + "?" + rawQuery;
  }

  /** The first value of header {@code name} (lower case), or null. */
  String header(String name) {
    for (int i = 0; i < fields.size(); i += 2) {
      if (fields.get(i).equals(name)) {
        return fields.get(i + 1);
      }
    }
    return null;
  }

  /** How many fields named {@code name} (lower case) there are. */
  int count(String name) {
    int n = 0;
    for (int i = 0; i < fields.size(); i += 2) {
      if (fields.get(i).equals(name)) {
        n++;
      }
    }
    return n;
  }

  /** Whether the client wants the connection kept open after the answer. */
  boolean keepAlive() {
    String connection = header("connection");
    if (connection == null) {
      return http11;
    }
    String tokens = ("," + connection.toLowerCase(Locale.ROOT) + ",").replace(" ", "");
    tokens = tokens.replace("\t", "");
    return http11 ? !tokens.contains(",close,") : tokens.contains(",keep-alive,");
  }

  /** Whether the client asked for a {@code 100 Continue} before it sends the body. */
  boolean expectsContinue() {
    String expect = header("expect");
    return expect != null && expect.equalsIgnoreCase("100-continue");
  }
}
