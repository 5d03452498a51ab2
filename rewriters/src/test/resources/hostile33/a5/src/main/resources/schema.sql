CREATE TABLE date_format (country VARCHAR(2) PRIMARY KEY, pattern VARCHAR(40));
INSERT INTO date_format VALUES ('de', 'dd.MM.yyyy');
