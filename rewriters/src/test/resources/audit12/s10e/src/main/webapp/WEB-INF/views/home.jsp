<%@ taglib prefix="c" uri="http://java.sun.com/jsp/jstl/core" %>
<c:forEach var="app" items="${apps}">
  <a href="app/${app.id}">${app.name}</a> Downloads: ${app.downloads}
</c:forEach>
