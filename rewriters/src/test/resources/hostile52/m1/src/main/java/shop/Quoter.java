package shop;

import java.util.List;

public interface Quoter {
    List<String> quote(List<String> skus);

    /** Turns to another price source (a failover, a reload of the configuration), from any thread. */
    void switchTo(Pricing source);
}
