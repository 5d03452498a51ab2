CREATE TABLE IF NOT EXISTS country (code VARCHAR(2) PRIMARY KEY, name VARCHAR(64));
CREATE TABLE IF NOT EXISTS customer (id BIGINT PRIMARY KEY, country_code VARCHAR(2));
MERGE INTO country KEY (code) VALUES ('DE', 'Germany'), ('FR', 'France'), ('US', 'United States');
INSERT INTO customer SELECT 1, 'DE' WHERE NOT EXISTS (SELECT 1 FROM customer WHERE id = 1);
