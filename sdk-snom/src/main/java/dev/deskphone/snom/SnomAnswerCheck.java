package dev.deskphone.snom;

import dev.deskphone.core.PhoneRedirectException;
import dev.deskphone.core.PhoneRequest;
import dev.deskphone.core.PhoneResponse;
import dev.deskphone.core.PhoneResponseException;
import dev.deskphone.core.PhoneUnsupportedException;
import java.net.URI;
import java.net.URISyntaxException;

/** What a snom phone's answer to a remote-control command means. Stateless. */
final class SnomAnswerCheck {
  private SnomAnswerCheck() {}

  /**
   * Checks an answer: 2xx is success; a {@code 302} to {@code index.htm} after a dial is success;
   * any other redirect, a 404 on {@code command.htm} or to a settings write, and every other status
   * fail typed.
   *
   * @param request the request that was sent
   * @param response the phone's answer
   * @param command the command the request carried
   * @throws PhoneRedirectException for a redirect that is not the dial's
   * @throws PhoneUnsupportedException for a 404 on {@code command.htm} or to a settings write
   * @throws PhoneResponseException for any other status that is not 2xx
   */
  static void check(PhoneRequest request, PhoneResponse response, SnomCommand command) {
    int status = response.status();
    if (status >= 200 && status < 300) {
      return;
    }
    String location = response.header("Location").orElse(null);
    if (status >= 300 && status < 400) {
      if (command.isDial() && status == 302 && pointsToIndex(request.uri(), location)) {
        return;
      }
      throw new PhoneRedirectException(request.phone(), request.operation(), status, location);
    }
    if (status == 404 && "/command.htm".equals(request.uri().getRawPath())) {
      throw new PhoneUnsupportedException(
          request.phone(),
          request.operation(),
          "the phone answered 404 to command.htm: this model or firmware has no HTTP remote"
              + " control (the snom D8xx, D86x and D89x with the \"Phone Manager\" web interface"
              + " no longer take it), or it is switched off",
          null);
    }
    if (status == 404 && command.isSettingsWrite()) {
      throw new PhoneUnsupportedException(
          request.phone(),
          request.operation(),
          "the phone answered 404 to dummy.htm?settings=save: this model or firmware takes no"
              + " settings over HTTP (not documented for the snom D8xx \"Phone Manager\" web"
              + " interface)",
          null);
    }
    throw new PhoneResponseException(
        request.phone(), request.operation(), status, "the phone did not accept the command", null);
  }

  private static boolean pointsToIndex(URI request, String location) {
    if (location == null) {
      return false;
    }
    try {
      URI target = request.resolve(new URI(location.trim()));
      boolean samePhone =
          target.getHost() == null || target.getHost().equalsIgnoreCase(request.getHost());
      return samePhone && "/index.htm".equals(target.getRawPath());
    } catch (URISyntaxException | IllegalArgumentException e) {
      return false;
    }
  }
}
