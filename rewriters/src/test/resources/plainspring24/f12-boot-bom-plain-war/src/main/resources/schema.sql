create table product (id bigint primary key, name varchar(100));
insert into product (id, name) values (1, 'Lamp');
