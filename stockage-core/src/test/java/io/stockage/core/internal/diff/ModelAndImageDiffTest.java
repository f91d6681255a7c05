package io.stockage.core.internal.diff;

import static org.assertj.core.api.Assertions.assertThat;

import io.stockage.Diff;
import io.stockage.ItemId;
import io.stockage.testkit.Samples;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Map;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.SerializationFeature;
import tools.jackson.databind.json.JsonMapper;

/** The extracted properties of images and 3D models, through {@link RevisionDiffer}. */
class ModelAndImageDiffTest {
  private static final ItemId ITEM = ItemId.random();
  private final RevisionDiffer differ = RevisionDiffer.create(DiffLimits.defaults());

  @Test
  void diff_pngResized_reportsWidthAndHeight() {
    Diff diff = differ.diff(ITEM, side(1, "image/png", Samples.png(10, 20)), side(2, "image/png", Samples.png(30, 40)));

    assertThat(changes(diff)).containsEntry("width", "10 -> 30").containsEntry("height", "20 -> 40");
    assertThat(diff.hunks()).isEmpty();
  }

  @Test
  void diff_jpegResized_reportsWidthAndHeight() {
    Diff diff = differ.diff(ITEM, side(1, "image/jpeg", Samples.jpg(64, 48)), side(2, "image/jpeg", Samples.jpg(64, 96)));

    assertThat(changes(diff)).containsEntry("height", "48 -> 96").doesNotContainKey("width");
  }

  @Test
  void diff_pngHeader_readWithoutDecodingThePixels() {
    Sides.Tracked large = Sides.of(2, "image/png", Samples.png(2000, 2000));

    differ.diff(ITEM, side(1, "image/png", Samples.png(1, 1)), large.side);

    assertThat(large.read.get()).isLessThan(large.side.size());
  }

  @Test
  void diff_binaryStlMoreTriangles_reportsCountAndBoundingBox() {
    Diff diff = differ.diff(ITEM, side(1, "model/stl", Samples.stlBinary(2)), side(2, "model/stl", Samples.stlBinary(5)));

    assertThat(changes(diff))
        .containsEntry("triangles", "2 -> 5")
        .containsEntry("boundingBox", "[0,0,0]..[2,1,0] -> [0,0,0]..[5,1,0]");
  }

  @Test
  void diff_asciiStlMoreTriangles_reportsCountAndBoundingBox() {
    Diff diff = differ.diff(ITEM, side(1, "model/stl", Samples.stlAscii(3)), side(2, "model/stl", Samples.stlAscii(1)));

    assertThat(changes(diff))
        .containsEntry("triangles", "3 -> 1")
        .containsEntry("boundingBox", "[0,0,0]..[3,1,0] -> [0,0,0]..[1,1,0]");
  }

  @Test
  void diff_asciiToBinaryStlOfTheSameModel_onlyCatalogProperties() {
    Diff diff = differ.diff(ITEM, side(1, "model/stl", Samples.stlAscii(4)), side(2, "model/stl", Samples.stlBinary(4)));

    assertThat(changes(diff)).containsOnlyKeys("size", "sha256");
  }

  @Test
  void diff_binaryStlWhoseHeaderStartsWithSolid_readAsBinaryByItsSize() {
    byte[] binary = Samples.stlBinary(3);
    System.arraycopy("solid but binary".getBytes(StandardCharsets.US_ASCII), 0, binary, 0, 16);

    Diff diff = differ.diff(ITEM, side(1, "model/stl", Samples.stlBinary(1)), side(2, "model/stl", binary));

    assertThat(changes(diff)).containsEntry("triangles", "1 -> 3");
  }

  @Test
  void diff_gltfMeshRenamed_hunkShowsTheNameLineAndMeshesChange() {
    Diff diff = differ.diff(ITEM, side(1, "model/gltf+json", pretty(Samples.gltf("Cube"))),
        side(2, "model/gltf+json", pretty(Samples.gltf("Sphere"))));

    assertThat(changes(diff)).containsEntry("meshes", "Cube -> Sphere").doesNotContainKeys("nodes", "generator");
    assertThat(diff.hunks()).singleElement().satisfies(hunk -> assertThat(hunk.lines())
        .filteredOn(line -> !line.startsWith(" "))
        .containsExactly("-    \"name\" : \"Cube\",", "+    \"name\" : \"Sphere\","));
  }

  @Test
  void diff_gltfOnOneLine_hunkShowsTheChangedLine() {
    Diff diff = differ.diff(ITEM, side(1, "model/gltf+json", Samples.gltf("Cube")),
        side(2, "model/gltf+json", Samples.gltf("Sphere")));

    assertThat(diff.hunks()).singleElement().satisfies(hunk -> {
      assertThat(hunk.lines()).hasSize(2);
      assertThat(hunk.lines().get(0)).startsWith("-{").contains("\"name\":\"Cube\"");
      assertThat(hunk.lines().get(1)).startsWith("+{").contains("\"name\":\"Sphere\"");
    });
  }

  @Test
  void diff_glbMeshRenamed_reportsMeshesWithoutReadingTheBinaryChunk() {
    Sides.Tracked to = Sides.of(2, "model/gltf-binary", Samples.glb("Sphere"));

    Diff diff = differ.diff(ITEM, side(1, "model/gltf-binary", Samples.glb("Cube")), to.side);

    assertThat(changes(diff)).containsEntry("meshes", "Cube -> Sphere");
    assertThat(diff.hunks()).isEmpty();
    assertThat(to.read.get()).isLessThan(to.side.size());
  }

  @Test
  void diff_gltfCountsAndGenerator_reportedWhenTheyDiffer() {
    String from = "{\"asset\":{\"version\":\"2.0\",\"generator\":\"Blender 4.1\"},\"nodes\":[{}],"
        + "\"meshes\":[{\"name\":\"A\"},{}],\"materials\":[]}";
    String to = "{\"asset\":{\"version\":\"2.0\",\"generator\":\"Blender 4.2\"},\"nodes\":[{},{\"mesh\":0}],"
        + "\"meshes\":[{\"name\":\"A\"},{\"name\":\"B\"}],\"materials\":[{\"name\":\"steel\"}]}";

    Diff diff = differ.diff(ITEM, side(1, "model/gltf+json", from.getBytes(StandardCharsets.UTF_8)),
        side(2, "model/gltf+json", to.getBytes(StandardCharsets.UTF_8)));

    assertThat(changes(diff))
        .containsEntry("meshes", "A,#1 -> A,B")
        .containsEntry("nodes", "1 -> 2")
        .containsEntry("materials", "0 -> 1")
        .containsEntry("generator", "Blender 4.1 -> Blender 4.2");
  }

  @Test
  void diff_gltfBoundingBox_theUnionOfThePositionAccessorsOnly() {
    String from = "{\"meshes\":[{\"name\":\"A\",\"primitives\":[{\"attributes\":{\"POSITION\":0}}]}],"
        + "\"accessors\":[{\"type\":\"VEC3\",\"min\":[0,0,0],\"max\":[1,2,3]}]}";
    // A second mesh's positions widen the box; a normal accessor (VEC3 with min and max) does not.
    String to = "{\"accessors\":[{\"type\":\"VEC3\",\"min\":[0,0,0],\"max\":[1,2,3]},"
        + "{\"type\":\"VEC3\",\"min\":[-5,-5,-5],\"max\":[5,5,5]},"
        + "{\"type\":\"VEC3\",\"min\":[-1,0,0],\"max\":[0.5,4,1]}],"
        + "\"meshes\":[{\"name\":\"A\",\"primitives\":[{\"attributes\":{\"POSITION\":0,\"NORMAL\":1}}]},"
        + "{\"primitives\":[{\"attributes\":{\"POSITION\":2}},{\"attributes\":{\"POSITION\":9}}]}]}";

    Diff diff = differ.diff(ITEM, side(1, "model/gltf+json", from.getBytes(StandardCharsets.UTF_8)),
        side(2, "model/gltf+json", to.getBytes(StandardCharsets.UTF_8)));

    assertThat(changes(diff)).containsEntry("boundingBox", "[0,0,0]..[1,2,3] -> [-1,0,0]..[1,4,3]");
  }

  @Test
  void diff_glbCut_errorWithoutException() {
    byte[] glb = Samples.glb("Cube");
    byte[] cut = Arrays.copyOf(glb, 40);

    Diff diff = differ.diff(ITEM, side(1, "model/gltf-binary", glb), side(2, "model/gltf-binary", cut));

    assertThat(changes(diff)).containsEntry("meshes", "Cube -> ").containsKey("error");
  }

  @Test
  void diff_notAnStl_errorWithoutException() {
    Diff diff = differ.diff(ITEM, side(1, "model/stl", Samples.stlBinary(1)), side(2, "model/stl", new byte[10]));

    assertThat(changes(diff)).containsEntry("triangles", "1 -> ").containsKey("error");
  }

  /** The property changes as {@code name -> "from -> to"}, an absent value shown empty. */
  private static Map<String, String> changes(Diff diff) {
    return diff.properties().stream().collect(Collectors.toMap(Diff.PropertyChange::name,
        change -> change.from().orElse("") + " -> " + change.to().orElse("")));
  }

  private static Side side(int revision, String type, byte[] bytes) {
    return Sides.of(revision, type, bytes).side;
  }

  private static byte[] pretty(byte[] json) {
    JsonMapper mapper = JsonMapper.builder().enable(SerializationFeature.INDENT_OUTPUT).build();
    return mapper.writeValueAsBytes(mapper.readTree(json));
  }
}
