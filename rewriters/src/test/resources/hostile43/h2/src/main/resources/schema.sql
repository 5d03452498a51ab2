create table pet (id bigint primary key, name varchar(50), stars int);
insert into pet values (1, 'tom', 3);
insert into pet values (2, 'kit', 0);
