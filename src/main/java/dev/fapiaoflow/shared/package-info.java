/** Small types every feature shares: field errors and the API's error answers. */
@org.springframework.modulith.ApplicationModule(type = org.springframework.modulith.ApplicationModule.Type.OPEN)
package dev.fapiaoflow.shared;
