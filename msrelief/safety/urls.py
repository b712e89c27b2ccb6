from django.urls import path

from msrelief.safety import views

urlpatterns = [
    path("clients/<int:pk>/screen/", views.new_screen, name="safety-new-screen"),
    path("screens/<int:pk>/", views.screen_detail, name="safety-screen"),
    path("screens/<int:pk>/decide/", views.decide, name="safety-decide"),
]
