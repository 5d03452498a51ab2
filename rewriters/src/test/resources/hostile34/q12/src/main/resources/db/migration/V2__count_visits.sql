DELIMITER $$
CREATE OR REPLACE PROCEDURE shop.cat_name(IN cid BIGINT)
BEGIN
  UPDATE cat SET visits = visits + 1 WHERE id = cid;
  SELECT CONCAT(name, ' #', visits) AS name FROM cat WHERE id = cid;
END$$
DELIMITER ;
