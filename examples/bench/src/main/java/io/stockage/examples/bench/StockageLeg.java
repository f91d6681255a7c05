package io.stockage.examples.bench;

import io.stockage.Item;
import io.stockage.ItemId;
import java.io.IOException;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;

/** Stockage through its library API: an engine with a PostgreSQL catalog on one provider. */
final class StockageLeg implements PeerLeg {
  private final String name;
  private final StockageSide side;
  private final Map<String, ItemId> items = new HashMap<>();

  StockageLeg(String name, StockageSide side) {
    this.name = name;
    this.side = side;
  }

  @Override
  public String name() {
    return name;
  }

  @Override
  public long store(Path source, String key) throws IOException {
    Item[] item = new Item[1];
    long nanos = PeerLeg.timed(() -> item[0] = side.upload(source, key + ".pdf"));
    items.put(key, item[0].id());
    return nanos;
  }

  @Override
  public long fetch(String key, Path target) throws IOException {
    return PeerLeg.timed(() -> side.download(items.get(key), target));
  }

  @Override
  public void remove(String key) {
    side.remove(items.remove(key));
  }

  @Override
  public void close() {
    side.close();
  }
}
