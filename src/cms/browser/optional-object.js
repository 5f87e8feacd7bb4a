// Loaded by /admin/ after Decap's bundle. Decap checks the required fields of
// an object even when the object itself is optional and left empty, so an
// entry without a photo could never be saved: the photo's credit would be
// "missing". This widget is Decap's own object widget, checked only once
// something in it is filled in; then its credit is required as the schema says.
(() => {
  /** @type {any} Decap's registry, which its bundle puts on window. */
  const CMS = /** @type {any} */ (window).CMS;
  const object = CMS.getWidget("object");
  /** @type {(value: any) => boolean} An Immutable Map or List, or a plain value. */
  const isBlank = (value) => {
    if (value === undefined || value === null || value === "") return true;
    if (typeof value.every === "function") return value.every(isBlank);
    return typeof value === "object" && Object.values(value).every(isBlank);
  };

  class OptionalObjectControl extends object.control {
    /** @param {any[]} args */
    constructor(...args) {
      super(...args);
      // Decap gives each control its validate as an arrow function in the constructor: wrap that one.
      // biome-ignore lint/complexity/noUselessThisAlias: the alias is a JSDoc cast, for the type checker (Decap's control has no types)
      const control = /** @type {any} */ (this);
      const checkAll = control.validate;
      control.validate = () => {
        if (!isBlank(control.props.value)) checkAll();
      };
    }
  }

  CMS.registerWidget("optional-object", OptionalObjectControl, object.preview);
})();
