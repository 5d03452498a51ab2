package dev.optkit.samples.plain;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import javax.sql.DataSource;
import org.h2.jdbcx.JdbcDataSource;

public final class Database {

    private Database() {
    }

    public static DataSource inMemory(String name) {
        JdbcDataSource dataSource = new JdbcDataSource();
        dataSource.setURL("jdbc:h2:mem:" + name + ";DB_CLOSE_DELAY=-1");
        dataSource.setUser("sa");
        dataSource.setPassword("");
        return dataSource;
    }

    public static DataSource createAndInitialize(String name) {
        DataSource dataSource = inMemory(name);
        try (Connection connection = dataSource.getConnection();
             Statement statement = connection.createStatement()) {
            statement.execute("RUNSCRIPT FROM 'classpath:/db/schema.sql'");
        } catch (SQLException e) {
            throw new IllegalStateException("could not initialize database " + name, e);
        }
        return dataSource;
    }
}
