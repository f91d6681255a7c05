package io.stockage.examples.server;

import io.stockage.ErrorKind;
import io.stockage.StockageException;
import io.stockage.Subject;
import java.security.Principal;
import org.springframework.core.MethodParameter;
import org.springframework.web.bind.support.WebDataBinderFactory;
import org.springframework.web.context.request.NativeWebRequest;
import org.springframework.web.method.support.HandlerMethodArgumentResolver;
import org.springframework.web.method.support.ModelAndViewContainer;

/**
 * Resolves a controller's {@link Subject} parameter from the authenticated principal — never
 * from request parameters.
 */
final class CurrentSubject implements HandlerMethodArgumentResolver {
  @Override
  public boolean supportsParameter(MethodParameter parameter) {
    return parameter.getParameterType() == Subject.class;
  }

  @Override
  public Object resolveArgument(MethodParameter parameter, ModelAndViewContainer mav, NativeWebRequest request,
      WebDataBinderFactory binders) {
    Principal principal = request.getUserPrincipal();
    if (principal == null) {
      throw StockageException.of(ErrorKind.PERMISSION_DENIED, "not authenticated");
    }
    return DemoUsers.subjectOf(principal.getName()).orElseThrow(() ->
        StockageException.of(ErrorKind.PERMISSION_DENIED, "user " + principal.getName() + " has no organization"));
  }
}
