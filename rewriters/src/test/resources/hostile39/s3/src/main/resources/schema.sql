create table cat (id bigint primary key, name varchar(50) not null);
insert into cat values (1, 'tom'), (2, 'kit'), (3, 'max');
