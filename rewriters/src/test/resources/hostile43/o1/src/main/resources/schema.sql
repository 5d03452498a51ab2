create table account (id bigint primary key, name varchar(50));
create table category (id bigint primary key, title varchar(50));
insert into account values (1, 'ann');
insert into category values (1, 'apples');
insert into category values (2, 'avocados');
