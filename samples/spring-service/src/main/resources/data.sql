INSERT INTO country (code, name, currency) VALUES
    ('DE', 'Germany', 'EUR'),
    ('FR', 'France', 'EUR'),
    ('GB', 'United Kingdom', 'GBP'),
    ('US', 'United States', 'USD');

INSERT INTO customer (id, name, email, country_code) VALUES
    (1, 'Ada Lovelace', 'ada@example.org', 'GB'),
    (2, 'Grace Hopper', 'grace@example.org', 'US'),
    (3, 'Klaus Wirth', 'klaus@example.org', 'DE');

INSERT INTO purchase_order (customer_id, amount, currency, status, amount_eur) VALUES
    (1, 120.00, 'GBP', 'PENDING', NULL),
    (1,  85.00, 'GBP', 'SETTLED', 100.00),
    (2, 250.00, 'USD', 'PENDING', NULL),
    (2,  40.00, 'USD', 'PENDING', NULL),
    (2, 540.00, 'USD', 'SETTLED', 500.00),
    (3,  60.00, 'EUR', 'PENDING', NULL);

INSERT INTO exchange_rate (currency, rate) VALUES
    ('GBP', 1.170000),
    ('USD', 0.920000);

INSERT INTO parcel (id, carrier, status)
    SELECT x, CASE MOD(x, 3) WHEN 0 THEN 'DHL' WHEN 1 THEN 'UPS' ELSE 'DPD' END,
           CASE MOD(x, 4) WHEN 0 THEN 'DELIVERED' WHEN 1 THEN 'IN_TRANSIT' ELSE 'SORTING' END
    FROM SYSTEM_RANGE(1, 200);
