document.getElementById('root')!.textContent = 'Letter Archive';
