create table if not exists item(id int auto_increment primary key, name varchar(50));
