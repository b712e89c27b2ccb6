// The body map (programmes/_body_map.html): each region of the drawing becomes a checkbox tied to
// the real checkbox of the same region in the list below it. Pointer and keyboard (Space or
// Enter) toggle it; either one changes the other. Without this file the list alone is the
// control and the drawing stays hidden.
document.addEventListener("DOMContentLoaded", function () {
  document.querySelectorAll("[data-body-map]").forEach(function (field) {
    var drawing = field.querySelector("[data-body-map-drawing]");
    if (!drawing) { return; }
    var boxes = {};
    field.querySelectorAll('input[type="checkbox"]').forEach(function (box) {
      boxes[box.value] = box;
    });
    var shapes = [];
    drawing.querySelectorAll("[data-region]").forEach(function (shape) {
      var box = boxes[shape.getAttribute("data-region")];
      if (!box) { return; }
      shape.setAttribute("role", "checkbox");
      shape.setAttribute("tabindex", "0");
      shape.setAttribute("aria-label", shape.getAttribute("data-label"));
      shapes.push([shape, box]);
      function show() { shape.setAttribute("aria-checked", box.checked ? "true" : "false"); }
      function toggle() {
        box.checked = !box.checked;
        box.dispatchEvent(new Event("change", { bubbles: true }));
      }
      box.addEventListener("change", show);
      shape.addEventListener("click", toggle);
      shape.addEventListener("keydown", function (event) {
        if (event.key === " " || event.key === "Enter") {
          event.preventDefault();  // Space would scroll the page; Enter would send the form
          toggle();
        }
      });
      show();
    });
    if (!shapes.length) { return; }
    drawing.querySelectorAll("svg").forEach(function (svg) { svg.removeAttribute("aria-hidden"); });
    drawing.hidden = false;
  });
});
