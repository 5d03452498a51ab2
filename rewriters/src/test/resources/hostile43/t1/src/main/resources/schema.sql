create table pet (id bigint primary key, name varchar(50), owner_id bigint);
create table owner (id bigint primary key, name varchar(50));
insert into owner values (1, 'ann');
insert into pet values (1, 'tom', 1);
insert into pet values (2, 'kit', 1);
