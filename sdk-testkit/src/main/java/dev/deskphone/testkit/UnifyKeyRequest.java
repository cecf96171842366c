package dev.deskphone.testkit;

import dev.deskphone.core.PhoneRequest;
import dev.deskphone.unify.SendUrlKey;
import java.net.URI;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * The request a Unify phone's Send URL key sends, in the vendor's parameter order, encoded with the
 * JDK's {@code URLEncoder} (never sdk-unify's). Immutable.
 */
record UnifyKeyRequest(PhoneRequest request, String target, String body) {

  static UnifyKeyRequest of(
      SendUrlKey key, String contextKey, String contextValue, String ip, String number) {
    List<String[]> params = new ArrayList<>();
    key.userId().ifPresent(u -> params.add(new String[] {"userid", u}));
    key.password().ifPresent(p -> params.add(new String[] {"password", p}));
    key.parameters().forEach(p -> params.add(new String[] {p.getKey(), p.getValue()}));
    if (contextKey != null) {
      params.add(new String[] {contextKey, contextValue});
    }
    params.add(new String[] {"ipaddress", ip});
    params.add(new String[] {"phonenumber", number});
    params.add(new String[] {"devicetype", "OpenStage"});
    params.add(new String[] {"symbn", key.symbolicName()});
    StringBuilder form = new StringBuilder();
    for (String[] p : params) {
      form.append(form.length() == 0 ? "" : "&").append(encode(p[0])).append('=');
      form.append(encode(p[1]));
    }
    if (key.method().equals("GET")) {
      String target = key.server() + "?" + form;
      return new UnifyKeyRequest(
          PhoneRequest.builder("GET", URI.create(target)).operation("fake press").build(),
          target,
          "");
    }
    PhoneRequest post =
        PhoneRequest.builder("POST", key.server())
            .header("Content-Type", "application/x-www-form-urlencoded")
            .body(form.toString().getBytes(StandardCharsets.UTF_8))
            .operation("fake press")
            .build();
    return new UnifyKeyRequest(post, key.server().toString(), form.toString());
  }

  private static String encode(String s) {
    return URLEncoder.encode(s, StandardCharsets.UTF_8);
  }
}
