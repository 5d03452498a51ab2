package demo;

import org.springframework.stereotype.Service;

@Service
public class Audit {
  public void around(Runnable request) {
    request.run();
  }
}
