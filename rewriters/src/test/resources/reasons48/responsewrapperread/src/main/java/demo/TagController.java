package demo;

import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RestController;

/** Reads the product back out of the envelope and empties its tags: the cached one's, were it cached. */
@RestController
public class TagController {
  private final ProductService service;

  public TagController(ProductService service) { this.service = service; }

  @GetMapping("/products/{id}/untagged")
  public ResponseEntity<ApiResponse> untagged(@PathVariable Long id) {
    ApiResponse response = new ApiResponse(service.byId(id), "untagged");
    ((ProductDto) response.getData()).tags().clear();
    return ResponseEntity.ok(response);
  }
}
