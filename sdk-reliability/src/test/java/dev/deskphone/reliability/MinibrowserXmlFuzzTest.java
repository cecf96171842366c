package dev.deskphone.reliability;

import static org.assertj.core.api.Assertions.assertThat;

import com.code_intelligence.jazzer.junit.FuzzTest;
import dev.deskphone.snom.MinibrowserDocument;

/**
 * The snom minibrowser reader: only IllegalArgumentException, and what it reads writes and reads
 * back equal, within the size it reads.
 */
class MinibrowserXmlFuzzTest {

  @FuzzTest(maxDuration = "30s")
  void readsOrRefusesAndRoundTrips(byte[] xml) {
    MinibrowserDocument doc;
    try {
      doc = MinibrowserDocument.read(xml);
    } catch (IllegalArgumentException refused) {
      assertThat(refused.getMessage()).startsWith("not a minibrowser document: ");
      return;
    }
    byte[] written = doc.toBytes();
    assertThat(written.length).isLessThanOrEqualTo(MinibrowserDocument.MAX_BYTES);
    assertThat(MinibrowserDocument.read(written)).isEqualTo(doc);
  }
}
