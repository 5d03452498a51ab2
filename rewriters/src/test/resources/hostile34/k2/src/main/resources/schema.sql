CREATE TABLE shop (id INT PRIMARY KEY, name VARCHAR(20));
INSERT INTO shop VALUES (1, 'zoo'), (2, 'ark');
