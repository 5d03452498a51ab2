package dev.optkit.samples.legacy;

import org.h2.jdbcx.JdbcDataSource;

/**
 * The service's command line: one Inventory for the whole process, over the database named by
 * its JDBC URL, printing the name and stock of each SKU given. Everything the process reads and
 * writes goes through that one object, which is what lets a cache inside it stay exact.
 */
public final class StockReport {

    private StockReport() {
    }

    public static void main(String[] args) throws Exception {
        if (args.length < 2) {
            System.err.println("usage: StockReport JDBC-URL WAREHOUSE [SKU...]");
            System.exit(2);
        }
        JdbcDataSource dataSource = new JdbcDataSource();
        dataSource.setURL(args[0]);
        Inventory inventory = new Inventory(dataSource);
        for (int i = 2; i < args.length; i++) {
            System.out.println(args[i] + "\t" + inventory.itemName(args[i]) + "\t" + inventory.stockLevel(args[i], args[1]));
        }
    }
}
