package shop;

import org.hibernate.resource.jdbc.spi.StatementInspector;

/** Another request adds an id to the shared list while this one reads the cats. */
public class Inspector implements StatementInspector {
    public static volatile java.util.List<Long> target;
    public static volatile Thread adder;

    @Override
    public String inspect(String sql) {
        if (target != null && adder == null && sql.contains("cat")) {
            java.util.List<Long> t = target;
            Thread a = new Thread(() -> t.add(3L));
            adder = a;
            a.start();
            try {
                a.join(300);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
        return sql;
    }
}
