package shop;
import java.util.List;
public class DetailDto extends AccountDto { private List<String> permCodes;
  public List<String> getPermCodes(){return permCodes;}
  public void setPerms(List<Perm> p){ permCodes = p.stream().map(Perm::getCode).toList(); } }
