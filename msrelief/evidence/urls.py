from django.urls import path

from msrelief.evidence import views, views_changes, views_edit, views_io, views_meta, views_review

urlpatterns = [
    path("", views.home, name="evidence-home"),
    path("references/", views.references, name="evidence-references"),
    path("references/add/", views_edit.reference_add, name="evidence-reference-add"),
    path("references/import/", views_io.references_import, name="evidence-references-import"),
    path(
        "references/export/<str:fmt>/",
        views_io.references_export,
        name="evidence-references-export",
    ),
    path("references/<str:key>/", views.reference_detail, name="evidence-reference"),
    path("references/<str:key>/edit/", views_edit.reference_edit, name="evidence-reference-edit"),
    path(
        "references/<str:key>/delete/",
        views_edit.reference_delete,
        name="evidence-reference-delete",
    ),
    path("claims/", views.claims, name="evidence-claims"),
    path("claims/add/", views_edit.claim_add, name="evidence-claim-add"),
    path("claims/<str:key>/edit/", views_edit.claim_edit, name="evidence-claim-edit"),
    path("claims/<str:key>/delete/", views_edit.claim_delete, name="evidence-claim-delete"),
    path("studies/", views.studies, name="evidence-studies"),
    path("studies/add/", views_edit.study_add, name="evidence-study-add"),
    path("studies/<str:key>/", views.study_detail, name="evidence-study"),
    path("studies/<str:key>/edit/", views_edit.study_edit, name="evidence-study-edit"),
    path("studies/<str:key>/delete/", views_edit.study_delete, name="evidence-study-delete"),
    path("studies/<str:key>/arms/add/", views_edit.arm_add, name="evidence-arm-add"),
    path("arms/<int:pk>/edit/", views_edit.arm_edit, name="evidence-arm-edit"),
    path("arms/<int:pk>/delete/", views_edit.arm_delete, name="evidence-arm-delete"),
    path("studies/<str:key>/results/add/", views_edit.result_add, name="evidence-result-add"),
    path("results/<int:pk>/edit/", views_edit.result_edit, name="evidence-result-edit"),
    path("results/<int:pk>/delete/", views_edit.result_delete, name="evidence-result-delete"),
    path("changes/", views_changes.changes, name="evidence-changes"),
    path("review/", views_review.review_queue, name="evidence-review"),
    path("review/<int:pk>/approve/", views_review.review_approve, name="evidence-review-approve"),
    path("review/<int:pk>/reject/", views_review.review_reject, name="evidence-review-reject"),
    path("proposals/", views_review.my_proposals, name="evidence-proposals"),
    path("meta/", views_meta.meta, name="evidence-meta"),
    path("meta/effects.csv", views_meta.meta_effects_csv, name="evidence-meta-effects"),
    path("meta/forest.png", views_meta.meta_forest_png, name="evidence-meta-forest-png"),
    path(
        "meta/template/<str:measure>.csv", views_meta.meta_template, name="evidence-meta-template"
    ),
]
