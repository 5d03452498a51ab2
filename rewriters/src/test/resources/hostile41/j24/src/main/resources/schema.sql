create table restaurant (id int primary key, name varchar(50));
create table menu (id int primary key, title varchar(50), restaurant_id int);
insert into restaurant values (1, 'ann''s');
insert into menu values (1, 'soup', 1);
insert into menu values (2, 'cake', 1);
