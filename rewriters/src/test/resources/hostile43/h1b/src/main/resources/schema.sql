create table pet (id bigint primary key, name varchar(50), tags varchar(200));
insert into pet values (1, 'tom', 'cat,grey');
insert into pet values (2, 'kit', 'cat,white');
