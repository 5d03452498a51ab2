<h2>${app.name}</h2> icon bytes: ${app.bigIcon.data.length}
