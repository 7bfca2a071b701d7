/**
 * Shared infrastructure with no business rules: DynamoDB tables, repositories and the unit of work, local
 * development engines, web error handling and operations endpoints. Every business module may use it; it depends
 * on no business module. Where infrastructure needs business knowledge, it declares an interface that a module
 * implements.
 */
@ApplicationModule(displayName = "Platform", type = ApplicationModule.Type.OPEN)
package app.platform;

import org.springframework.modulith.ApplicationModule;
