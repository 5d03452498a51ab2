insert into cat (id, name, owner_id) values (1, 'tom', 1);
insert into cat (id, name, owner_id) values (2, 'kit', 1);
