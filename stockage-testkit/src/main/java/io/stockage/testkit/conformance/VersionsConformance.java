package io.stockage.testkit.conformance;

import static org.assertj.core.api.Assertions.assertThat;

import io.stockage.ByteRange;
import io.stockage.Capability;
import io.stockage.ErrorKind;
import io.stockage.spi.storage.ObjectVersion;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/**
 * Native versions ({@code NATIVE_VERSIONING}): each write returns a new {@code versionId};
 * {@code versions} lists newest first with the {@code latest} flag on the newest; a version reads
 * back whole and in ranges; a delete adds a delete marker and keeps older versions readable;
 * {@code deleteVersion} removes one. Without the capability the version calls fail with
 * {@code UNSUPPORTED} and writes carry no version id.
 */
public abstract class VersionsConformance extends ConformanceSuite {

  /** For subclasses. */
  protected VersionsConformance() {}

  @Test
  void write_eachWrite_returnsANewVersionId() {
    assumeSupports(Capability.NATIVE_VERSIONING);
    List<String> ids = writeVersions(key("v"), 3);
    assertThat(ids).doesNotHaveDuplicates();
    assertThat(provider().stat(key("v")).versionId()).contains(ids.get(2));
  }

  @Test
  void versions_afterWrites_listNewestFirstWithLatestFlag() {
    assumeSupports(Capability.NATIVE_VERSIONING);
    List<String> ids = writeVersions(key("v"), 3);
    List<ObjectVersion> versions = provider().versions(key("v"));
    assertThat(versions).extracting(ObjectVersion::versionId).containsExactly(ids.get(2), ids.get(1), ids.get(0));
    assertThat(versions).extracting(ObjectVersion::latest).containsExactly(true, false, false);
    assertThat(versions).extracting(ObjectVersion::deleteMarker).containsOnly(false);
    assertThat(versions).extracting(ObjectVersion::size).containsExactly(size(2), size(1), size(0));
    assertThat(versions).extracting(ObjectVersion::key).containsOnly(key("v"));
    for (int i = 1; i < versions.size(); i++) {
      assertThat(versions.get(i).lastModified()).isBeforeOrEqualTo(versions.get(i - 1).lastModified());
    }
  }

  @Test
  void readVersion_olderVersion_returnsItsBytesAndRanges() {
    assumeSupports(Capability.NATIVE_VERSIONING);
    List<String> ids = writeVersions(key("v"), 3);
    for (int i = 0; i < 3; i++) {
      Bytes.assertSame(readAll(provider().readVersion(key("v"), ids.get(i), Optional.empty())), data(i), "version " + i);
    }
    if (supports(Capability.READ_RANGE)) {
      byte[] range = readAll(provider().readVersion(key("v"), ids.get(0), Optional.of(ByteRange.closed(10, 19))));
      Bytes.assertSame(range, Arrays.copyOfRange(data(0), 10, 20), "range of version 0");
      byte[] suffix = readAll(provider().readVersion(key("v"), ids.get(1), Optional.of(ByteRange.suffix(5))));
      Bytes.assertSame(suffix, Arrays.copyOfRange(data(1), (int) size(1) - 5, (int) size(1)), "suffix of version 1");
    }
  }

  @Test
  void delete_versionedKey_addsDeleteMarkerAndKeepsOlderVersions() {
    assumeSupports(Capability.NATIVE_VERSIONING);
    List<String> ids = writeVersions(key("v"), 2);
    provider().delete(key("v"));
    assertFails(ErrorKind.NOT_FOUND, () -> provider().stat(key("v")));
    assertThat(listKeys(root(), 1000)).doesNotContain(key("v"));
    List<ObjectVersion> versions = provider().versions(key("v"));
    assertThat(versions).hasSize(3);
    ObjectVersion marker = versions.get(0);
    assertThat(marker.deleteMarker()).as("newest entry is a delete marker").isTrue();
    assertThat(marker.latest()).isTrue();
    assertThat(versions.subList(1, 3)).extracting(ObjectVersion::versionId).containsExactly(ids.get(1), ids.get(0));
    assertThat(versions.subList(1, 3)).extracting(ObjectVersion::latest).containsOnly(false);
    Bytes.assertSame(readAll(provider().readVersion(key("v"), ids.get(0), Optional.empty())), data(0), "older version");
    assertFails(ErrorKind.NOT_FOUND, () -> provider().readVersion(key("v"), marker.versionId(), Optional.empty()));
  }

  @Test
  void deleteVersion_oneVersion_removesOnlyIt() {
    assumeSupports(Capability.NATIVE_VERSIONING);
    List<String> ids = writeVersions(key("v"), 3);
    provider().deleteVersion(key("v"), ids.get(1));
    assertThat(provider().versions(key("v"))).extracting(ObjectVersion::versionId).containsExactly(ids.get(2), ids.get(0));
    assertFails(ErrorKind.NOT_FOUND, () -> provider().readVersion(key("v"), ids.get(1), Optional.empty()));
    Bytes.assertSame(read(key("v")), data(2), "current object");
  }

  @Test
  void deleteVersion_latest_makesThePreviousOneCurrent() {
    assumeSupports(Capability.NATIVE_VERSIONING);
    List<String> ids = writeVersions(key("v"), 2);
    provider().deleteVersion(key("v"), ids.get(1));
    Bytes.assertSame(read(key("v")), data(0), "current object after its latest version was deleted");
    List<ObjectVersion> versions = provider().versions(key("v"));
    assertThat(versions).extracting(ObjectVersion::versionId).containsExactly(ids.get(0));
    assertThat(versions.get(0).latest()).isTrue();
  }

  @Test
  void readVersion_versionOfAnotherKey_isNotFound() {
    assumeSupports(Capability.NATIVE_VERSIONING);
    String foreign = writeVersions(key("other"), 1).get(0);
    writeVersions(key("v"), 1);
    assertFails(ErrorKind.NOT_FOUND, () -> provider().readVersion(key("v"), foreign, Optional.empty()));
    assertFails(ErrorKind.NOT_FOUND, () -> provider().readVersion(key("missing"), foreign, Optional.empty()));
  }

  @Test
  void versionCalls_withoutNativeVersioning_areUnsupported() {
    assumeLacks(Capability.NATIVE_VERSIONING);
    assertThat(put(key("plain"), data(0)).versionId()).as("version id of a provider without versions").isEmpty();
    assertUnsupported(Capability.NATIVE_VERSIONING, () -> provider().versions(key("plain")));
    assertUnsupported(Capability.NATIVE_VERSIONING, () -> provider().readVersion(key("plain"), "1", Optional.empty()));
    assertUnsupported(Capability.NATIVE_VERSIONING, () -> provider().deleteVersion(key("plain"), "1"));
    Bytes.assertSame(read(key("plain")), data(0), "object after refused version calls");
  }

  private List<String> writeVersions(String key, int count) {
    List<String> ids = new ArrayList<>();
    for (int i = 0; i < count; i++) {
      ids.add(put(key, data(i)).versionId().orElseThrow(
          () -> new AssertionError("a write on a provider with NATIVE_VERSIONING returned no versionId")));
    }
    return ids;
  }

  private static byte[] data(int version) {
    return Bytes.random((int) size(version), 100 + version);
  }

  private static long size(int version) {
    return 100 + 37 * version;
  }
}
